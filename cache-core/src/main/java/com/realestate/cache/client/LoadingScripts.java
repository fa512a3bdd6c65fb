package com.realestate.cache.client;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The Lua scripts that make loading safe: each reads and writes one key atomically, so a lease is taken, a
 * fenced value is stored or a lease is given back with no other client in between. Scripts run by digest
 * ({@code EVALSHA}) and are sent in full only when Redis does not know them yet.
 */
final class LoadingScripts {

    /** Reply of {@link #acquire}: the value is there; a load may start under {@code fence}; another process loads. */
    enum AcquireStatus { PRESENT, GRANTED, BUSY }

    record Acquired(AcquireStatus status, byte[] value, String fence) {
    }

    private static final String PARSE = """
            local function parse(v)
              if not v then return nil, '', 0, '' end
              if string.byte(v, 1) ~= 245 then return 'P', '', 0, '' end
              local kind = string.sub(v, 2, 2)
              local stop = string.find(v, '\\30', 3, true) or (#v + 1)
              local fields, from = {}, 3
              while true do
                local sep = string.find(v, '\\31', from, true)
                if not sep or sep > stop then
                  fields[#fields + 1] = string.sub(v, from, stop - 1)
                  break
                end
                fields[#fields + 1] = string.sub(v, from, sep - 1)
                from = sep + 1
              end
              return kind, fields[1] or '', tonumber(fields[4]) or 0, fields[5] or ''
            end
            """;

    /** KEYS[1] entry; ARGV[1] lease ms (0: no lease), ARGV[2] lease token. Returns {status, value or fence}. */
    private static final Script ACQUIRE = new Script(PARSE + """
            local v = redis.call('GET', KEYS[1])
            local kind, fence, leaseUntil = parse(v)
            if kind == 'P' or kind == 'V' or kind == 'A' then return {0, v} end
            local leaseMs = tonumber(ARGV[1])
            if leaseMs == 0 then return {1, fence} end
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            if kind == 'L' and leaseUntil > now then return {2, fence} end
            local px = leaseMs
            local left = redis.call('PTTL', KEYS[1])
            if left > px then px = left end
            local marker = '\\245L' .. fence .. '\\31\\31\\31' .. string.format('%d', now + leaseMs) .. '\\31' .. ARGV[2]
            redis.call('SET', KEYS[1], marker, 'PX', px)
            return {1, fence}
            """);

    /** KEYS[1] entry; ARGV[1] fence the load started under, ARGV[2] entry, ARGV[3] ttl ms. Returns 1 if stored. */
    private static final Script FENCED_SET = new Script(PARSE + """
            local kind, fence = parse(redis.call('GET', KEYS[1]))
            if fence ~= ARGV[1] then return 0 end
            redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
            return 1
            """);

    /** KEYS[1] entry; ARGV[1] lease token. Gives a lease back after a failed or empty load, keeping the fence. */
    private static final Script RELEASE = new Script(PARSE + """
            local kind, fence, leaseUntil, token = parse(redis.call('GET', KEYS[1]))
            if kind ~= 'L' or token ~= ARGV[1] then return 0 end
            if fence == '' then
              redis.call('DEL', KEYS[1])
            else
              redis.call('SET', KEYS[1], '\\245T' .. fence .. '\\31\\31\\31\\31\\30', 'KEEPTTL')
            end
            return 1
            """);

    /**
     * KEYS[1] entry. Returns the PTTL of a servable value, -2 for no key or a tombstone or lease marker, which
     * are bookkeeping, not cached values. Keys of another Redis type answer as EXISTS/PTTL would.
     */
    private static final Script VALUE_PTTL = new Script("""
            local ok, v = pcall(redis.call, 'GET', KEYS[1])
            if ok then
              if not v then return -2 end
              if string.byte(v, 1) == 245 then
                local kind = string.sub(v, 2, 2)
                if kind == 'T' or kind == 'L' then return -2 end
              end
            end
            return redis.call('PTTL', KEYS[1])
            """);

    private final MeteredRedis redis;

    LoadingScripts(MeteredRedis redis) {
        this.redis = redis;
    }

    Acquired acquire(String key, long leaseMillis, String token) {
        List<Object> reply = run(ACQUIRE, key, ascii(Long.toString(leaseMillis)), ascii(token));
        long status = (Long) reply.get(0);
        byte[] payload = reply.size() > 1 && reply.get(1) instanceof byte[] bytes ? bytes : new byte[0];
        return switch ((int) status) {
            case 0 -> new Acquired(AcquireStatus.PRESENT, payload, "");
            case 1 -> new Acquired(AcquireStatus.GRANTED, null, new String(payload, StandardCharsets.US_ASCII));
            default -> new Acquired(AcquireStatus.BUSY, null, new String(payload, StandardCharsets.US_ASCII));
        };
    }

    boolean fencedSet(String key, String fence, byte[] entry, long ttlMillis) {
        return run(FENCED_SET, key, ascii(fence), entry, ascii(Long.toString(ttlMillis))).equals(1L);
    }

    /** Like {@code PTTL}, but a tombstone or lease marker counts as no key (-2). */
    long valuePttl(String key, Operation operation) {
        String[] keys = {key};
        try {
            return redis.execute(operation, c -> c.<Long>evalsha(VALUE_PTTL.digest, VALUE_PTTL.output, keys));
        } catch (RedisNoScriptException unknown) {
            return redis.execute(operation, c -> c.<Long>eval(VALUE_PTTL.source, VALUE_PTTL.output, keys));
        }
    }

    void release(String key, String token) {
        run(RELEASE, key, ascii(token));
    }

    private <T> T run(Script script, String key, byte[]... args) {
        String[] keys = {key};
        try {
            return redis.execute(Operation.SCRIPT, c -> c.<T>evalsha(script.digest, script.output, keys, args));
        } catch (RedisNoScriptException unknown) {
            return redis.execute(Operation.SCRIPT, c -> c.<T>eval(script.source, script.output, keys, args));
        }
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private record Script(String source, String digest, ScriptOutputType output) {

        Script(String source) {
            this(source, sha1(source), source.contains("return {") ? ScriptOutputType.MULTI : ScriptOutputType.INTEGER);
        }

        private static String sha1(String source) {
            try {
                byte[] hash = MessageDigest.getInstance("SHA-1").digest(source.getBytes(StandardCharsets.UTF_8));
                return HexFormat.of().formatHex(hash);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-1 is required of every JVM", e);
            }
        }
    }
}
