/**
 * The read side: read tables ({@code *_view}) with their migrations, and reactive query services
 * the API calls directly. Projections write through the repositories of this module.
 */
package io.nodeplane.query;
