package org.monostore.shared;

/** A country the shop sells in, with the currency its prices are in (e.g. SE in SEK). */
public record Market(String code, String currency) {}
