/**
 * Imports ROS 2 recordings (a bare {@code .mcap} file or a rosbag2 directory of them) into a log. Messages
 * are decoded generically from the {@code ros2msg} definitions the bag carries
 * ({@link io.avreplay.replay.ros2}); topics are mapped to sensors by message type
 * ({@link io.avreplay.replay.importer.mcap.TopicMap}, overridable by a small YAML file); the TF tree gives
 * the extrinsics ({@code /tf_static}) and the ego pose ({@code /tf}, frame chain resolved, else
 * {@code nav_msgs/Odometry}). A damaged or truncated bag is recovered by the MCAP reader and what was
 * lost is reported ({@link io.avreplay.replay.importer.mcap.McapImportResult}).
 */
package io.avreplay.replay.importer.mcap;
