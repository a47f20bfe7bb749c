package dev.wasmguest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasmguest.internal.load.TestGuests;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Damaged modules and components, as a download or a build can leave them: several hundred seeded mutants of real guests (bytes
 * flipped, the tail cut, bytes inserted, a section's length inflated) each end as a result or as a
 * {@link GuestResolutionException} naming the module, whatever the runtime throws inside while parsing, validating,
 * translating or running them; none escapes another way, and none hangs (the timeout below only guards the build).
 */
class MalformedModulesTest {

    private static final long SEED = 20261207L;
    private static final int MUTANTS_PER_GUEST = 120;
    private static final List<String> GUESTS = List.of(
            "trap.wasm", "loop-call.wasm", "seed.wasm", "deep-calls.wasm", "start-trap.wasm", "seed.component.wasm");

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void everyMutantEndsAsAResultOrANamedResolutionFailure() {
        Random random = new Random(SEED);
        List<String> escaped = new ArrayList<>();
        int failures = 0;
        int results = 0;
        for (String guest : GUESTS) {
            byte[] original = TestGuests.resource(guest);
            for (int i = 0; i < MUTANTS_PER_GUEST; i++) {
                Mutant mutant = Mutant.of(guest, original, random);
                // Every eighth mutant through the compiler too: translation has its own ways to fail.
                WasiEngine engine = i % 8 == 0 ? WasiEngine.COMPILER : WasiEngine.INTERPRETER;
                try {
                    WasiResult result = WasiRunner.fromBytes(mutant.bytes())
                            .withEngine(engine)
                            .withTimeout(Duration.ofSeconds(2))
                            .withMaxMemory(64L * 1024 * 1024)
                            .run();
                    assertThat(result.outcome()).isNotNull();
                    results++;
                } catch (GuestResolutionException expected) {
                    assertThat(expected.getMessage()).as(mutant.describe()).startsWith("Cannot load guest module ");
                    failures++;
                } catch (RuntimeException | Error other) {
                    escaped.add(mutant.describe() + " with " + engine + ": " + other);
                }
            }
        }
        assertThat(escaped).as("mutants that ended otherwise").isEmpty();
        assertThat(failures).as("mutants refused").isGreaterThan(GUESTS.size() * MUTANTS_PER_GUEST / 2);
        assertThat(results + failures).isEqualTo(GUESTS.size() * MUTANTS_PER_GUEST);
    }

    /** One damaged copy of a guest, and how it was damaged, to reproduce it. */
    private record Mutant(String guest, String damage, byte[] bytes) {

        static Mutant of(String guest, byte[] original, Random random) {
            return switch (random.nextInt(4)) {
                case 0 -> flipped(guest, original, random);
                case 1 -> cut(guest, original, random);
                case 2 -> inserted(guest, original, random);
                default -> inflated(guest, original, random);
            };
        }

        static Mutant flipped(String guest, byte[] original, Random random) {
            byte[] bytes = original.clone();
            int flips = 1 + random.nextInt(4);
            StringBuilder where = new StringBuilder();
            for (int i = 0; i < flips; i++) {
                int at = 8 + random.nextInt(bytes.length - 8); // past the header, which is checked first
                bytes[at] ^= (byte) (1 + random.nextInt(255));
                where.append(' ').append(at);
            }
            return new Mutant(guest, "bytes flipped at" + where, bytes);
        }

        static Mutant cut(String guest, byte[] original, Random random) {
            int length = 8 + random.nextInt(original.length - 8);
            return new Mutant(guest, "cut to " + length + " bytes", Arrays.copyOf(original, length));
        }

        static Mutant inserted(String guest, byte[] original, Random random) {
            int at = 8 + random.nextInt(original.length - 8);
            byte[] extra = new byte[1 + random.nextInt(16)];
            random.nextBytes(extra);
            byte[] bytes = new byte[original.length + extra.length];
            System.arraycopy(original, 0, bytes, 0, at);
            System.arraycopy(extra, 0, bytes, at, extra.length);
            System.arraycopy(original, at, bytes, at + extra.length, original.length - at);
            return new Mutant(guest, extra.length + " bytes inserted at " + at, bytes);
        }

        /** A section's size rewritten as a five-byte LEB128 of a larger size: the module's bytes run out. */
        static Mutant inflated(String guest, byte[] original, Random random) {
            List<int[]> sections = sections(original);
            int[] section = sections.get(random.nextInt(sections.size()));
            int sizeAt = section[0];
            int sizeBytes = section[1];
            long inflated = section[2] + 1L + random.nextInt(random.nextBoolean() ? 64 : 1 << 28);
            byte[] leb = new byte[5];
            for (int i = 0; i < 5; i++) {
                leb[i] = (byte) ((inflated >>> (7 * i)) & 0x7f | (i < 4 ? 0x80 : 0));
            }
            byte[] bytes = new byte[original.length - sizeBytes + 5];
            System.arraycopy(original, 0, bytes, 0, sizeAt);
            System.arraycopy(leb, 0, bytes, sizeAt, 5);
            System.arraycopy(original, sizeAt + sizeBytes, bytes, sizeAt + 5, original.length - sizeAt - sizeBytes);
            return new Mutant(guest, "the section size at " + sizeAt + " inflated to " + inflated, bytes);
        }

        /** Each section's size field: its offset, its length in bytes and its value. */
        private static List<int[]> sections(byte[] module) {
            List<int[]> sections = new ArrayList<>();
            int at = 8;
            while (at < module.length) {
                int sizeAt = at + 1;
                int size = 0;
                int shift = 0;
                int next = sizeAt;
                int b;
                do {
                    b = module[next++] & 0xff;
                    size |= (b & 0x7f) << shift;
                    shift += 7;
                } while ((b & 0x80) != 0);
                sections.add(new int[] {sizeAt, next - sizeAt, size});
                at = next + size;
            }
            return sections;
        }

        String describe() {
            return guest + " with " + damage;
        }
    }
}
