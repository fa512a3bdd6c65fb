package com.realestate.cache.client;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The Lua scripts that make loading safe: each reads and writes one entry (and its groups' generation tokens,
 * which share its hash slot) atomically, so a lease is taken, a fenced value is stored or a lease is given back
 * with no other client in between. Scripts run by digest ({@code EVALSHA}) and are sent in full only when Redis
 * does not know them yet. {@code KEYS[1]} is always the entry, {@code KEYS[2..]} its groups' token keys.
 */
final class LoadingScripts {

    /** Reply of {@link #acquire}: the value is there; a load may start under {@code fence}; another process loads. */
    enum AcquireStatus { PRESENT, GRANTED, BUSY }

    /** What {@link #acquire} found: the present value, or the fence and group tokens a load must store under. */
    record Acquired(AcquireStatus status, byte[] value, String fence, String groups) {
    }

    private static final String PARSE = """
            local function parse(v)
              if not v then return nil, '', 0, '', '', 0 end
              if string.byte(v, 1) ~= 245 then return 'P', '', 0, '', '', 0 end
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
              return kind, fields[1] or '', tonumber(fields[4]) or 0, fields[5] or '', fields[6] or '',
                tonumber(fields[2]) or 0
            end
            local function tokens(seed)
              local out = {}
              for i = 2, #KEYS do
                local t = redis.call('GET', KEYS[i])
                if not t then
                  t = seed .. (i - 1)
                  redis.call('SET', KEYS[i], t)
                end
                out[#out + 1] = t
              end
              return table.concat(out, ',')
            end
            """;

    /** ARGV[1] lease ms (0: no lease), ARGV[2] lease token, ARGV[3] seed for missing group tokens. */
    private static final Script ACQUIRE = new Script(PARSE + """
            local current = tokens(ARGV[3])
            local v = redis.call('GET', KEYS[1])
            local kind, fence, leaseUntil, holder, groups = parse(v)
            if kind == 'P' and #KEYS == 1 then return {0, v, current} end
            if (kind == 'V' or kind == 'A') and groups == current then return {0, v, current} end
            local leaseMs = tonumber(ARGV[1])
            if leaseMs == 0 then return {1, fence, current} end
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            if kind == 'L' and leaseUntil > now then return {2, fence, current} end
            local px = leaseMs
            local left = redis.call('PTTL', KEYS[1])
            if left > px then px = left end
            local marker = '\\245L' .. fence .. '\\31\\31\\31' .. string.format('%d', now + leaseMs) .. '\\31' .. ARGV[2]
            redis.call('SET', KEYS[1], marker, 'PX', px)
            return {1, fence, current}
            """);

    /**
     * ARGV[1] fence the load started under, ARGV[2] entry, ARGV[3] ttl ms, ARGV[4] the group tokens it started under.
     * Returns 1 if stored; 0 when the fence or a group's token moved on (an invalidation arrived during the load).
     */
    private static final Script FENCED_SET = new Script(PARSE + """
            local kind, fence = parse(redis.call('GET', KEYS[1]))
            if fence ~= ARGV[1] then return 0 end
            if #KEYS > 1 then
              local current = {}
              for i = 2, #KEYS do current[#current + 1] = redis.call('GET', KEYS[i]) or '' end
              if table.concat(current, ',') ~= ARGV[4] then return 0 end
            end
            redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
            return 1
            """);

    /** ARGV[1] lease token. Gives a lease back after a failed or empty load, keeping the fence. */
    private static final Script RELEASE = new Script(PARSE + """
            local kind, fence, leaseUntil, token = parse(redis.call('GET', KEYS[1]))
            if kind ~= 'L' or token ~= ARGV[1] then return 0 end
            if fence == '' then
              redis.call('DEL', KEYS[1])
            else
              redis.call('SET', KEYS[1], '\\245T' .. fence .. '\\31\\31\\31\\31\\31\\30', 'KEEPTTL')
            end
            return 1
            """);

    /** ARGV[1] seed. Returns the current tokens of the groups, creating missing ones. */
    private static final Script TOKENS = new Script(PARSE + """
            return {tokens(ARGV[1])}
            """);

    /**
     * Returns the PTTL of a cached value, -2 for no key, a tombstone or lease marker (bookkeeping) or a remembered
     * absence (which {@code get} reads as empty too). A value's own TTL ends at its soft expiry, before the stale
     * window Redis keeps it for, as it does for {@code get}. Keys of another Redis type answer as EXISTS/PTTL would.
     */
    private static final Script VALUE_PTTL = new Script(PARSE + """
            local ok, v = pcall(redis.call, 'GET', KEYS[1])
            local pttl = redis.call('PTTL', KEYS[1])
            if not ok then return pttl end
            if not v then return -2 end
            local kind, fence, leaseUntil, holder, groups, softExpiry = parse(v)
            if kind == 'T' or kind == 'L' or kind == 'A' then return -2 end
            if kind ~= 'V' then return pttl end
            local t = redis.call('TIME')
            local left = softExpiry - (tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000))
            if left <= 0 then return -2 end
            if (pttl >= 0 and pttl <= left) or left > 9e15 then return pttl end
            return left
            """);

    /**
     * ARGV[1] amount, ARGV[2] TTL in ms for a counter that has none. A tombstone or lease marker counts as no key,
     * as it does for EXISTS and TTL; a counter this creates expires like every other write.
     */
    private static final Script INCR = new Script("""
            local v = redis.call('GET', KEYS[1])
            if v and string.byte(v, 1) == 245 then
              local kind = string.sub(v, 2, 2)
              if kind == 'T' or kind == 'L' then redis.call('DEL', KEYS[1]) end
            end
            local n = redis.call('INCRBY', KEYS[1], ARGV[1])
            if redis.call('PTTL', KEYS[1]) < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
            return n
            """);

    private final MeteredRedis redis;

    LoadingScripts(MeteredRedis redis) {
        this.redis = redis;
    }

    Acquired acquire(StoredKey key, long leaseMillis, String token, String seed) {
        List<Object> reply = run(ACQUIRE, Operation.SCRIPT, key.scriptKeys(),
                ascii(Long.toString(leaseMillis)), ascii(token), ascii(seed));
        long status = (Long) reply.get(0);
        byte[] payload = bytes(reply.get(1));
        String groups = text(reply.get(2));
        return switch ((int) status) {
            case 0 -> new Acquired(AcquireStatus.PRESENT, payload, "", groups);
            case 1 -> new Acquired(AcquireStatus.GRANTED, null, text(payload), groups);
            default -> new Acquired(AcquireStatus.BUSY, null, text(payload), groups);
        };
    }

    boolean fencedSet(StoredKey key, String fence, String groups, byte[] entry, long ttlMillis) {
        Long stored = run(FENCED_SET, Operation.SCRIPT, key.scriptKeys(),
                ascii(fence), entry, ascii(Long.toString(ttlMillis)), ascii(groups));
        return stored == 1L;
    }

    void release(StoredKey key, String token) {
        run(RELEASE, Operation.SCRIPT, new String[] {key.entry()}, ascii(token));
    }

    String tokens(StoredKey key, String seed) {
        List<Object> reply = run(TOKENS, Operation.SCRIPT, key.scriptKeys(), ascii(seed));
        return text(reply.get(0));
    }

    /** {@code INCRBY}, with a tombstone or lease marker counting as no key and a new counter given {@code ttlMillis}. */
    long incr(String key, long amount, long ttlMillis) {
        return run(INCR, Operation.INCR, new String[] {key}, ascii(Long.toString(amount)), ascii(Long.toString(ttlMillis)));
    }

    /** Like {@code PTTL}, but a tombstone or lease marker counts as no key (-2). */
    long valuePttl(String key, Operation operation) {
        return run(VALUE_PTTL, operation, new String[] {key});
    }

    private <T> T run(Script script, Operation operation, String[] keys, byte[]... args) {
        try {
            return redis.execute(operation, c -> c.<T>evalsha(script.digest, script.output, keys, args));
        } catch (RedisNoScriptException unknown) {
            return redis.execute(operation, c -> c.<T>eval(script.source, script.output, keys, args));
        }
    }

    private static byte[] bytes(Object reply) {
        return reply instanceof byte[] value ? value : new byte[0];
    }

    private static String text(Object reply) {
        return reply instanceof byte[] value ? new String(value, StandardCharsets.US_ASCII) : "";
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
