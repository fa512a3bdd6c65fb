/**
 * The cache key space of the Property API: every key names its tenant in a Redis hash tag and carries its
 * variable parts percent-encoded, so that keys cannot collide and invalidation patterns cannot reach past one
 * tenant or one property. {@link com.realestate.cache.key.PropertyKeys} documents the layout.
 */
package com.realestate.cache.key;
