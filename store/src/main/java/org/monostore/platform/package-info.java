/**
 * What every capability builds on: the actor system, the event journal and its snapshots, the
 * projections' offsets, the HTTP problem answers and the API document.
 */
@OwnsTables({"event_journal", "event_tag", "snapshot", "pekko_projection_offset_store", "pekko_projection_management"})
package org.monostore.platform;
