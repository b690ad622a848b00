// ros2msg definitions as rosbag2 stores them in MCAP schema records: root, then "===" + "MSG: pkg/Type" sections.
const T = {
  "builtin_interfaces/Time": "int32 sec\nuint32 nanosec",
  "std_msgs/Header": "builtin_interfaces/Time stamp\nstring frame_id",
  "std_msgs/String": "string data",
  "geometry_msgs/Vector3": "float64 x\nfloat64 y\nfloat64 z",
  "geometry_msgs/Point": "float64 x\nfloat64 y\nfloat64 z",
  "geometry_msgs/Quaternion": "float64 x 0\nfloat64 y 0\nfloat64 z 0\nfloat64 w 1",
  "geometry_msgs/Pose": "Point position\nQuaternion orientation",
  "geometry_msgs/PoseWithCovariance": "Pose pose\nfloat64[36] covariance",
  "geometry_msgs/Transform": "Vector3 translation\nQuaternion rotation",
  "geometry_msgs/TransformStamped": "std_msgs/Header header\nstring child_frame_id\nTransform transform",
  "tf2_msgs/TFMessage": "geometry_msgs/TransformStamped[] transforms",
  "sensor_msgs/PointField": "uint8 INT8 = 1\nuint8 UINT8 = 2\nuint8 UINT16 = 4\nuint8 FLOAT32 = 7\nstring name\nuint32 offset\nuint8 datatype\nuint32 count",
  "sensor_msgs/PointCloud2": "std_msgs/Header header\nuint32 height\nuint32 width\nPointField[] fields\nbool is_bigendian\nuint32 point_step\nuint32 row_step\nuint8[] data\nbool is_dense",
  "sensor_msgs/CompressedImage": "std_msgs/Header header\nstring format\nuint8[] data",
  "sensor_msgs/RegionOfInterest": "uint32 x_offset\nuint32 y_offset\nuint32 height\nuint32 width\nbool do_rectify",
  "sensor_msgs/CameraInfo": "std_msgs/Header header\nuint32 height\nuint32 width\nstring distortion_model\nfloat64[] d\nfloat64[9] k\nfloat64[9] r\nfloat64[12] p\nuint32 binning_x\nuint32 binning_y\nRegionOfInterest roi",
  "vision_msgs/ObjectHypothesis": "string class_id\nfloat64 score",
  "vision_msgs/ObjectHypothesisWithPose": "ObjectHypothesis hypothesis\ngeometry_msgs/PoseWithCovariance pose",
  "vision_msgs/BoundingBox3D": "geometry_msgs/Pose center\ngeometry_msgs/Vector3 size",
  "vision_msgs/Detection3D": "std_msgs/Header header\nObjectHypothesisWithPose[] results\nBoundingBox3D bbox\nstring id",
  "vision_msgs/Detection3DArray": "std_msgs/Header header\nDetection3D[] detections",
};
const PRIM = /^(bool|byte|char|u?int(8|16|32|64)|float(32|64)|string)$/;

function deps(type, out) {
  const pkg = type.split("/")[0];
  for (const line of T[type].split("\n")) {
    const [t, rest] = line.split(/\s+/);
    if (rest === undefined || line.includes("=")) continue;
    const base = t.replace(/\[.*$/, "");
    if (PRIM.test(base)) continue;
    const full = base.includes("/") ? base : `${pkg}/${base}`;
    if (!out.includes(full)) { out.push(full); deps(full, out); }
  }
  return out;
}

export function definition(root) {
  const r = root.replace("/msg/", "/");
  let text = T[r] + "\n";
  for (const d of deps(r, [])) {
    text += "=".repeat(80) + "\nMSG: " + d + "\n" + T[d] + "\n";
  }
  return text;
}
