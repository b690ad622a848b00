package io.avreplay.replay.export;

import java.nio.charset.StandardCharsets;

/**
 * JSON Schemas of the Foxglove well-known message types the MCAP export writes ({@code jsonschema}
 * schema encoding, {@code json} message encoding; {@code bytes} fields are base64 strings). Written here
 * from the public field lists of the Foxglove schemas: Foxglove recognises a channel by the schema
 * name, and reads the fields below.
 */
final class FoxgloveSchemas {
    private static final String TIME = "{\"type\":\"object\",\"properties\":{\"sec\":{\"type\":\"integer\"},"
            + "\"nsec\":{\"type\":\"integer\"}}}";
    private static final String VEC3 = "{\"type\":\"object\",\"properties\":{\"x\":{\"type\":\"number\"},"
            + "\"y\":{\"type\":\"number\"},\"z\":{\"type\":\"number\"}}}";
    private static final String QUAT = "{\"type\":\"object\",\"properties\":{\"x\":{\"type\":\"number\"},"
            + "\"y\":{\"type\":\"number\"},\"z\":{\"type\":\"number\"},\"w\":{\"type\":\"number\"}}}";
    private static final String POSE = "{\"type\":\"object\",\"properties\":{\"position\":" + VEC3 + ",\"orientation\":"
            + QUAT + "}}";
    private static final String COLOR = "{\"type\":\"object\",\"properties\":{\"r\":{\"type\":\"number\"},"
            + "\"g\":{\"type\":\"number\"},\"b\":{\"type\":\"number\"},\"a\":{\"type\":\"number\"}}}";
    private static final String STR = "{\"type\":\"string\"}";
    private static final String INT = "{\"type\":\"integer\"}";
    private static final String NUMS = "{\"type\":\"array\",\"items\":{\"type\":\"number\"}}";
    private static final String BYTES = "{\"type\":\"string\",\"contentEncoding\":\"base64\"}";

    static final String POINT_CLOUD = "foxglove.PointCloud";
    static final String COMPRESSED_IMAGE = "foxglove.CompressedImage";
    static final String CAMERA_CALIBRATION = "foxglove.CameraCalibration";
    static final String FRAME_TRANSFORMS = "foxglove.FrameTransforms";
    static final String SCENE_UPDATE = "foxglove.SceneUpdate";
    static final String POSES_IN_FRAME = "foxglove.PosesInFrame";

    private FoxgloveSchemas() {
    }

    static byte[] schema(String name) {
        String props = switch (name) {
            case POINT_CLOUD -> "\"timestamp\":" + TIME + ",\"frame_id\":" + STR + ",\"pose\":" + POSE + ",\"point_stride\":"
                    + INT + ",\"fields\":{\"type\":\"array\",\"items\":{\"type\":\"object\",\"properties\":{\"name\":" + STR
                    + ",\"offset\":" + INT + ",\"type\":" + INT + "}}},\"data\":" + BYTES;
            case COMPRESSED_IMAGE -> "\"timestamp\":" + TIME + ",\"frame_id\":" + STR + ",\"data\":" + BYTES + ",\"format\":" + STR;
            case CAMERA_CALIBRATION -> "\"timestamp\":" + TIME + ",\"frame_id\":" + STR + ",\"width\":" + INT + ",\"height\":"
                    + INT + ",\"distortion_model\":" + STR + ",\"D\":" + NUMS + ",\"K\":" + NUMS + ",\"R\":" + NUMS + ",\"P\":" + NUMS;
            case FRAME_TRANSFORMS -> "\"transforms\":{\"type\":\"array\",\"items\":{\"type\":\"object\",\"properties\":{"
                    + "\"timestamp\":" + TIME + ",\"parent_frame_id\":" + STR + ",\"child_frame_id\":" + STR
                    + ",\"translation\":" + VEC3 + ",\"rotation\":" + QUAT + "}}}";
            case SCENE_UPDATE -> "\"deletions\":{\"type\":\"array\",\"items\":{\"type\":\"object\"}},\"entities\":{\"type\":"
                    + "\"array\",\"items\":{\"type\":\"object\",\"properties\":{\"timestamp\":" + TIME + ",\"frame_id\":" + STR
                    + ",\"id\":" + STR + ",\"lifetime\":" + TIME + ",\"frame_locked\":{\"type\":\"boolean\"},\"metadata\":"
                    + "{\"type\":\"array\",\"items\":{\"type\":\"object\",\"properties\":{\"key\":" + STR + ",\"value\":" + STR
                    + "}}},\"cubes\":{\"type\":\"array\",\"items\":{\"type\":\"object\",\"properties\":{\"pose\":" + POSE
                    + ",\"size\":" + VEC3 + ",\"color\":" + COLOR + "}}}}}}";
            case POSES_IN_FRAME -> "\"timestamp\":" + TIME + ",\"frame_id\":" + STR + ",\"poses\":{\"type\":\"array\",\"items\":"
                    + POSE + "}";
            default -> throw new IllegalArgumentException("no schema for " + name);
        };
        return ("{\"title\":\"" + name + "\",\"type\":\"object\",\"properties\":{" + props + "}}").getBytes(StandardCharsets.UTF_8);
    }
}
