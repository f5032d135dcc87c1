import type { CameraOptions } from "../../../electron/common/widgets/camera-options.js";
import { useTileId, useWallContext } from "../../wall/wall-context.js";
import type { WidgetProps } from "../widget-props.js";
import { CameraView } from "./CameraView.js";

export default function CameraWidget({ options, width, height, visible, language, setStatus }: WidgetProps<CameraOptions>) {
  const { cameras, deviceScale } = useWallContext();
  const tileId = useTileId();
  return (
    <CameraView
      tileId={tileId}
      camera={cameras.cameras.find((c) => c.id === options.camera)}
      cameraId={options.camera}
      width={width}
      height={height}
      deviceScale={deviceScale}
      play={options}
      language={language}
      onStatus={setStatus}
      slateArea={{ x: visible.x, y: Math.max(0, visible.y), width: visible.width, height: Math.min(height, visible.y + visible.height) - Math.max(0, visible.y) }}
    />
  );
}
