package sluice.engine.expr.compile;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.spec.AlgorithmParameterSpec;
import java.util.Arrays;
import java.util.Locale;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import sluice.engine.diag.ErrorCode;
import sluice.engine.types.Bytes;

/**
 * AES as Spark's aes_encrypt and aes_decrypt do it: a 16, 24 or 32-byte key; GCM (no padding, a 12-byte IV and a
 * 128-bit tag, additional authenticated data allowed), CBC (PKCS padding, a 16-byte IV) or ECB (PKCS padding, no IV);
 * the IV, random unless given, written before the cipher text. Stateless.
 */
final class AesKernels {
    private static final String FUNCTIONS = "`aes_encrypt`/`aes_decrypt`";

    /**
     * The generator of random IVs, made on first use: making a SecureRandom finds and seeds a provider, which every
     * pipeline's first function call paid for while {@link Kernels} asked this class whether it had the function.
     */
    private static final class RandomVectors {
        static final SecureRandom RANDOM = new SecureRandom();
    }

    /** The modes, with their IV length in bytes and Java's transformation. */
    private enum Mode {
        ECB(0, "AES/ECB/PKCS5Padding"), CBC(16, "AES/CBC/PKCS5Padding"), GCM(12, "AES/GCM/NoPadding");

        final int ivLength;
        final String transformation;

        Mode(int ivLength, String transformation) {
            this.ivLength = ivLength;
            this.transformation = transformation;
        }
    }

    private AesKernels() {
    }

    static Kernel of(String name) {
        return switch (name) {
            case "aes_encrypt" -> (a, e) -> encrypt((Bytes) a[0], (Bytes) a[1], (String) a[2], (String) a[3],
                    (Bytes) a[4], (Bytes) a[5]);
            case "aes_decrypt" -> (a, e) -> decrypt((Bytes) a[0], (Bytes) a[1], (String) a[2], (String) a[3],
                    (Bytes) a[4]);
            case "try_aes_decrypt" -> (a, e) -> {
                try {
                    return decrypt((Bytes) a[0], (Bytes) a[1], (String) a[2], (String) a[3], (Bytes) a[4]);
                } catch (RowFailure failure) {
                    return null;
                }
            };
            default -> null;
        };
    }

    private static Bytes encrypt(Bytes input, Bytes key, String modeName, String padding, Bytes iv, Bytes aad) {
        SecretKeySpec secret = key(key);
        Mode mode = mode(modeName, padding);
        byte[] vector = iv.toArray();
        if (vector.length == 0) {
            vector = new byte[mode.ivLength];
            RandomVectors.RANDOM.nextBytes(vector);
        } else if (mode == Mode.ECB) {
            throw unsupported("AES_MODE_IV", "`aes_encrypt` with AES-" + modeName
                    + " does not support initialization vectors (IVs).");
        }
        if (vector.length != mode.ivLength) {
            throw new RowFailure(ErrorCode.INVALID_ARGUMENT_VALUE, "[INVALID_PARAMETER_VALUE.AES_IV_LENGTH] The value "
                    + "of parameter(s) `iv` in " + FUNCTIONS + " is invalid: supports 16-byte CBC IVs and 12-byte GCM "
                    + "IVs, but got " + vector.length + " bytes for " + modeName + ".");
        }
        try {
            Cipher cipher = Cipher.getInstance(mode.transformation);
            if (mode == Mode.ECB) {
                cipher.init(Cipher.ENCRYPT_MODE, secret);
            } else {
                cipher.init(Cipher.ENCRYPT_MODE, secret, spec(mode, vector));
            }
            authenticate(cipher, mode, modeName, aad);
            byte[] sealed = cipher.doFinal(input.toArray());
            byte[] out = Arrays.copyOf(vector, vector.length + sealed.length);
            System.arraycopy(sealed, 0, out, vector.length, sealed.length);
            return Bytes.of(out);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw cryptoError(e);
        }
    }

    private static Bytes decrypt(Bytes input, Bytes key, String modeName, String padding, Bytes aad) {
        SecretKeySpec secret = key(key);
        Mode mode = mode(modeName, padding);
        byte[] data = input.toArray();
        try {
            Cipher cipher = Cipher.getInstance(mode.transformation);
            if (mode == Mode.ECB) {
                cipher.init(Cipher.DECRYPT_MODE, secret);
                return Bytes.of(cipher.doFinal(data));
            }
            cipher.init(Cipher.DECRYPT_MODE, secret, spec(mode, data));
            authenticate(cipher, mode, modeName, aad);
            return Bytes.of(cipher.doFinal(data, mode.ivLength, data.length - mode.ivLength));
        } catch (GeneralSecurityException | IllegalArgumentException | ArrayIndexOutOfBoundsException
                | java.security.ProviderException e) {
            // Input too short for its IV and tag reaches the provider as a ProviderException.
            throw cryptoError(e);
        }
    }

    private static void authenticate(Cipher cipher, Mode mode, String modeName, Bytes aad) {
        if (aad.length() == 0) {
            return;
        }
        if (mode != Mode.GCM) {
            throw unsupported("AES_MODE_AAD", "`aes_encrypt` with AES-" + modeName
                    + " does not support additional authenticate data (AAD).");
        }
        cipher.updateAAD(aad.toArray());
    }

    /** The IV read from the first bytes of {@code source}. */
    private static AlgorithmParameterSpec spec(Mode mode, byte[] source) {
        return mode == Mode.GCM ? new GCMParameterSpec(128, source, 0, mode.ivLength)
                : new IvParameterSpec(source, 0, mode.ivLength);
    }

    private static SecretKeySpec key(Bytes key) {
        int length = key.length();
        if (length != 16 && length != 24 && length != 32) {
            throw new RowFailure(ErrorCode.INVALID_ARGUMENT_VALUE, "[INVALID_PARAMETER_VALUE.AES_KEY_LENGTH] The "
                    + "value of parameter(s) `key` in " + FUNCTIONS + " is invalid: expects a binary value with 16, 24 "
                    + "or 32 bytes, but got " + length + " bytes.");
        }
        return new SecretKeySpec(key.toArray(), "AES");
    }

    private static Mode mode(String name, String padding) {
        String p = padding.toUpperCase(Locale.ROOT);
        boolean pkcs = p.equals("PKCS") || p.equals("DEFAULT");
        switch (name.toUpperCase(Locale.ROOT)) {
            case "ECB" -> {
                if (pkcs) {
                    return Mode.ECB;
                }
            }
            case "CBC" -> {
                if (pkcs) {
                    return Mode.CBC;
                }
            }
            case "GCM" -> {
                if (p.equals("NONE") || p.equals("DEFAULT")) {
                    return Mode.GCM;
                }
            }
            default -> {
            }
        }
        throw unsupported("AES_MODE", "AES-" + name + " with the padding " + padding + " by the " + FUNCTIONS
                + " function.");
    }

    private static RowFailure unsupported(String subclass, String detail) {
        return new RowFailure(ErrorCode.INVALID_ARGUMENT_VALUE, "[UNSUPPORTED_FEATURE." + subclass + "] The feature "
                + "is not supported: " + detail);
    }

    private static RowFailure cryptoError(Exception e) {
        return new RowFailure(ErrorCode.INVALID_ARGUMENT_VALUE, "[INVALID_PARAMETER_VALUE.AES_CRYPTO_ERROR] The value "
                + "of parameter(s) `expr`, `key` in " + FUNCTIONS + " is invalid: detail message: " + e.getMessage());
    }
}
