package dev.waitgroup.reports;

/** A piece of text that points at evidence in the page (anchor null: plain text). */
record Link(String text, String anchor) {
}
