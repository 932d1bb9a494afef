package cn.zschangfang.content.listing.model;

import java.time.Instant;

/** A photo of a listing; its JPEG renditions live in the photo storage under (listing id, photo id). */
public record Photo(String id, String caption, int width, int height, Instant uploadedAt) {}
