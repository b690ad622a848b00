package io.avreplay.replay.importer.mcap;

/** What the importer does with a topic's messages. */
enum TopicRole {
    /** {@code sensor_msgs/msg/PointCloud2}: a lidar stream. */
    LIDAR,
    /** {@code sensor_msgs/msg/CompressedImage} or {@code Image}: a camera stream. */
    CAMERA,
    /** {@code sensor_msgs/msg/CameraInfo}: the intrinsics of the camera with the same sensor id. */
    CAMERA_INFO,
    /** {@code tf2_msgs/msg/TFMessage} on {@code /tf}: dynamic transforms (the ego pose). */
    TF,
    /** {@code tf2_msgs/msg/TFMessage} on {@code /tf_static}: extrinsics. */
    TF_STATIC,
    /** {@code nav_msgs/msg/Odometry}: ego pose when {@code /tf} gives none. */
    ODOMETRY,
    /** {@code autoware_perception_msgs/msg/DetectedObjects} or {@code vision_msgs/msg/Detection3DArray}: 3D ground truth. */
    OBJECTS,
    /**
     * {@code foxglove.PosesInFrame} (the ego trajectory {@code export mcap} writes): the same poses {@code /tf}
     * carries, so read but not imported, and not listed as skipped.
     */
    TRAJECTORY,
    /** Not imported; listed in the report. */
    SKIP
}
