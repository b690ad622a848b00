package io.avreplay.replay.importer;

import io.avreplay.error.BadInputException;
import io.avreplay.replay.log.ImageEncoding;

/**
 * Width and height of an encoded PNG or JPEG read from its header, without decoding pixels.
 *
 * @param encoding the detected encoding
 * @param width    px
 * @param height   px
 */
public record ImageHeader(ImageEncoding encoding, int width, int height) {
    /**
     * @param data the encoded image
     * @param file where it came from (for the error message)
     * @throws BadInputException when the bytes are neither a PNG nor a baseline/progressive JPEG
     */
    public static ImageHeader parse(byte[] data, String file) {
        if (data.length >= 24 && (data[0] & 0xFF) == 0x89 && data[1] == 'P' && data[2] == 'N' && data[3] == 'G') {
            return new ImageHeader(ImageEncoding.PNG, be32(data, 16), be32(data, 20));
        }
        if (data.length >= 4 && (data[0] & 0xFF) == 0xFF && (data[1] & 0xFF) == 0xD8) {
            return jpeg(data, file);
        }
        throw new BadInputException(file + ": not a PNG or JPEG image (unrecognised header)");
    }

    private static ImageHeader jpeg(byte[] d, String file) {
        int i = 2;
        while (i + 9 < d.length) {
            if ((d[i] & 0xFF) != 0xFF) {
                throw new BadInputException(file + ": corrupt JPEG: expected a marker at byte " + i);
            }
            int marker = d[i + 1] & 0xFF;
            if (marker == 0xFF) {
                i++;
                continue;
            }
            int len = ((d[i + 2] & 0xFF) << 8) | (d[i + 3] & 0xFF);
            boolean sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (sof) {
                int h = ((d[i + 5] & 0xFF) << 8) | (d[i + 6] & 0xFF);
                int w = ((d[i + 7] & 0xFF) << 8) | (d[i + 8] & 0xFF);
                return new ImageHeader(ImageEncoding.JPEG, w, h);
            }
            i += 2 + len;
        }
        throw new BadInputException(file + ": corrupt JPEG: no frame header (SOF) found");
    }

    private static int be32(byte[] d, int off) {
        return ((d[off] & 0xFF) << 24) | ((d[off + 1] & 0xFF) << 16) | ((d[off + 2] & 0xFF) << 8) | (d[off + 3] & 0xFF);
    }
}
