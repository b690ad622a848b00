package io.avreplay.perception.model;

/**
 * One 3×3-or-other convolution of a {@link CenterNetBuilder} backbone, followed by batch norm and ReLU.
 *
 * @param kernel   square kernel side
 * @param stride   stride (1 or 2)
 * @param dilation dilation (1 = plain)
 * @param channels output channels
 */
public record ConvSpec(int kernel, int stride, int dilation, int channels) {
    /** @throws IllegalArgumentException when a value is not positive */
    public ConvSpec {
        if (kernel <= 0 || stride <= 0 || dilation <= 0 || channels <= 0) {
            throw new IllegalArgumentException("conv kernel, stride, dilation and channels must be > 0, got k="
                    + kernel + " s=" + stride + " d=" + dilation + " c=" + channels);
        }
    }

    /** Parses {@code kKsSdDcC}, e.g. {@code k3s2d1c16}. */
    public static ConvSpec parse(String s) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("k(\\d+)s(\\d+)d(\\d+)c(\\d+)").matcher(s);
        if (!m.matches()) {
            throw new IllegalArgumentException("conv spec must look like k3s2d1c16, got '" + s + "'");
        }
        return new ConvSpec(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                Integer.parseInt(m.group(4)));
    }

    @Override
    public String toString() {
        return "k" + kernel + "s" + stride + "d" + dilation + "c" + channels;
    }
}
