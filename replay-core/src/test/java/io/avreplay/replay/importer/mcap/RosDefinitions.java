package io.avreplay.replay.importer.mcap;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ros2msg definitions of the message types the tests record, laid out as rosbag2 writes them into
 * MCAP schema records (root, then each dependency after a separator and a {@code MSG:} line).
 */
final class RosDefinitions {
    private static final String SEP = "================================================================================\n";
    private static final Map<String, String> TYPES = new LinkedHashMap<>();

    static {
        TYPES.put("builtin_interfaces/Time", "int32 sec\nuint32 nanosec\n");
        TYPES.put("std_msgs/Header", "# Standard metadata\nbuiltin_interfaces/Time stamp\nstring frame_id\n");
        TYPES.put("sensor_msgs/PointField", "uint8 INT8    = 1\nuint8 FLOAT32 = 7\nstring name\nuint32 offset\nuint8  datatype\n"
                + "uint32 count\n");
        TYPES.put("sensor_msgs/PointCloud2", "std_msgs/Header header\nuint32 height\nuint32 width\nPointField[] fields\n"
                + "bool    is_bigendian\nuint32  point_step\nuint32  row_step\nuint8[] data\nbool is_dense\n");
        TYPES.put("sensor_msgs/CompressedImage", "std_msgs/Header header\nstring format\nuint8[] data\n");
        TYPES.put("sensor_msgs/Image", "std_msgs/Header header\nuint32 height\nuint32 width\nstring encoding\n"
                + "uint8 is_bigendian\nuint32 step\nuint8[] data\n");
        TYPES.put("sensor_msgs/RegionOfInterest", "uint32 x_offset\nuint32 y_offset\nuint32 height\nuint32 width\nbool do_rectify\n");
        TYPES.put("sensor_msgs/CameraInfo", "std_msgs/Header header\nuint32 height\nuint32 width\nstring distortion_model\n"
                + "float64[] d\nfloat64[9]  k\nfloat64[9]  r\nfloat64[12] p\nuint32 binning_x\nuint32 binning_y\n"
                + "RegionOfInterest roi\n");
        TYPES.put("geometry_msgs/Vector3", "float64 x\nfloat64 y\nfloat64 z\n");
        TYPES.put("geometry_msgs/Point", "float64 x\nfloat64 y\nfloat64 z\n");
        TYPES.put("geometry_msgs/Point32", "float32 x\nfloat32 y\nfloat32 z\n");
        TYPES.put("geometry_msgs/Quaternion", "float64 x 0\nfloat64 y 0\nfloat64 z 0\nfloat64 w 1\n");
        TYPES.put("geometry_msgs/Transform", "Vector3 translation\nQuaternion rotation\n");
        TYPES.put("geometry_msgs/TransformStamped", "std_msgs/Header header\nstring child_frame_id\nTransform transform\n");
        TYPES.put("tf2_msgs/TFMessage", "geometry_msgs/TransformStamped[] transforms\n");
        TYPES.put("geometry_msgs/Pose", "Point position\nQuaternion orientation\n");
        TYPES.put("geometry_msgs/PoseWithCovariance", "Pose pose\nfloat64[36] covariance\n");
        TYPES.put("geometry_msgs/Twist", "Vector3  linear\nVector3  angular\n");
        TYPES.put("geometry_msgs/TwistWithCovariance", "Twist twist\nfloat64[36] covariance\n");
        TYPES.put("geometry_msgs/Polygon", "Point32[] points\n");
        TYPES.put("nav_msgs/Odometry", "std_msgs/Header header\nstring child_frame_id\ngeometry_msgs/PoseWithCovariance pose\n"
                + "geometry_msgs/TwistWithCovariance twist\n");
        TYPES.put("autoware_perception_msgs/ObjectClassification", "uint8 UNKNOWN = 0\nuint8 CAR = 1\nuint8 label\n"
                + "float32 probability\n");
        TYPES.put("autoware_perception_msgs/DetectedObjectKinematics", "geometry_msgs/PoseWithCovariance pose_with_covariance\n"
                + "bool has_position_covariance\nuint8 orientation_availability\n"
                + "geometry_msgs/TwistWithCovariance twist_with_covariance\nbool has_twist\nbool has_twist_covariance\n");
        TYPES.put("autoware_perception_msgs/Shape", "uint8 BOUNDING_BOX=0\nuint8 type\ngeometry_msgs/Polygon footprint\n"
                + "geometry_msgs/Vector3 dimensions\n");
        TYPES.put("autoware_perception_msgs/DetectedObject", "float32 existence_probability\nObjectClassification[] classification\n"
                + "DetectedObjectKinematics kinematics\nShape shape\n");
        TYPES.put("autoware_perception_msgs/DetectedObjects", "std_msgs/Header header\nDetectedObject[] objects\n");
        TYPES.put("diagnostic_msgs/KeyValue", "string key\nstring value\n");
    }

    private RosDefinitions() {
    }

    /** The schema text of {@code root} ({@code pkg/msg/Type}) with every type it uses after it. */
    static String of(String root) {
        String r = root.replace("/msg/", "/");
        StringBuilder b = new StringBuilder(TYPES.get(r));
        List<String> deps = new java.util.ArrayList<>();
        collect(r, deps);
        for (String d : deps) {
            if (!d.equals(r)) {
                b.append(SEP).append("MSG: ").append(d).append('\n').append(TYPES.get(d));
            }
        }
        return b.toString();
    }

    private static void collect(String type, List<String> out) {
        String pkg = type.substring(0, type.indexOf('/'));
        for (String line : TYPES.get(type).split("\n")) {
            String t = line.split("\\s+")[0].replaceAll("\\[.*", "");
            if (line.startsWith("#") || line.contains("=") || t.matches("bool|byte|char|u?int(8|16|32|64)|float(32|64)|string")) {
                continue;
            }
            String full = t.contains("/") ? t : pkg + "/" + t;
            if (!out.contains(full)) {
                out.add(full);
                collect(full, out);
            }
        }
    }
}
