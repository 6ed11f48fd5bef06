package dev.waitgroup.model;

/**
 * An interrupt another thread sent to the driver during one of its calls: {@code sent} is read just
 * before {@code Thread.interrupt()}, {@code delivered} just after, so the interrupt landed somewhere in
 * between. A driver reads its interrupt status after the call only once the interrupt is delivered.
 *
 * @param by the thread that sent it
 */
public record InterruptDelivery(String by, long sent, long delivered) {
}
