import { decimate, EnergyDetector } from "./energy";

/** The microphone as the meter asks for it: the browser's echo cancellation and noise suppression on. */
export const MICROPHONE_CONSTRAINTS: MediaStreamConstraints = {
  audio: {
    echoCancellation: true,
    noiseSuppression: true,
    autoGainControl: true,
    channelCount: 1,
  },
  video: false,
};

/** Opens the microphone. */
export function openMicrophone(): Promise<MediaStream> {
  return navigator.mediaDevices.getUserMedia(MICROPHONE_CONSTRAINTS);
}

/** Stops every track of the stream: the browser's recording light goes out at once. */
export function stopMicrophone(stream: MediaStream | null): void {
  for (const track of stream?.getTracks() ?? []) track.stop();
}

/**
 * A page opened with the meter already on (the choice is kept per device) has had no tap yet,
 * and the browser may hold its audio suspended until one: resume at the first touch or click.
 */
async function resumeWhenAllowed(context: AudioContext): Promise<void> {
  if (context.state !== "suspended") return;
  await context.resume().catch(() => undefined);
  if (context.state === "suspended") {
    document.addEventListener("pointerdown", () => void context.resume(), { once: true });
  }
}

/** A running detector: it calls back with decisions and stops on `stop()`. */
export interface RunningDetector {
  kind: "vad" | "energy";
  stop(): Promise<void>;
}

/** Called with each decision: the moment (ms since the epoch) and whether the owner speaks. */
export type OnDecision = (t: number, isSpeech: boolean, isCalibrated: boolean) => void;

/**
 * The energy detector on a live stream: an AnalyserNode read every 20 ms, its last 32 ms taken
 * down to about 16 kHz and judged by `EnergyDetector` (calibrating on the first 1.5 s).
 */
export async function startEnergyDetector(
  stream: MediaStream,
  onDecision: OnDecision,
): Promise<RunningDetector> {
  const context = new AudioContext();
  const source = context.createMediaStreamSource(stream);
  const analyser = context.createAnalyser();
  const factor = Math.max(1, Math.round(context.sampleRate / 16_000));
  analyser.fftSize = 2048;
  source.connect(analyser);
  const buffer = new Float32Array(analyser.fftSize);
  const size = Math.round((context.sampleRate * 0.032) / factor);
  const detector = new EnergyDetector({ sampleRate: context.sampleRate / factor });
  await resumeWhenAllowed(context);
  const timer = setInterval(() => {
    analyser.getFloatTimeDomainData(buffer);
    const frame = decimate(buffer, factor);
    const t = Date.now();
    const isSpeech = detector.process(frame.subarray(frame.length - size), t);
    onDecision(t, isSpeech, detector.isCalibrated);
  }, 20);
  return {
    kind: "energy",
    async stop() {
      clearInterval(timer);
      source.disconnect();
      await context.close().catch(() => undefined);
    },
  };
}

/** Where the build puts the speech model, its worklet and onnxruntime's WebAssembly (vite.config.ts). */
export const VAD_ASSETS = "/talk-vad/";

/**
 * The Silero speech model (@ricky0123/vad-web on onnxruntime-web's WebAssembly), loaded only
 * now — when someone turns the meter on — and only from this server's own files.
 */
export async function startVadDetector(
  stream: MediaStream,
  onDecision: OnDecision,
): Promise<RunningDetector> {
  if (typeof WebAssembly === "undefined") throw new Error("no WebAssembly");
  const { MicVAD } = await import("@ricky0123/vad-web");
  let speaking = false;
  const audioContext = new AudioContext();
  await resumeWhenAllowed(audioContext);
  const closeContext = () => audioContext.close().catch(() => undefined);
  const vad = await MicVAD.new({
    model: "v5",
    audioContext,
    baseAssetPath: VAD_ASSETS,
    onnxWASMBasePath: VAD_ASSETS,
    getStream: async () => stream,
    pauseStream: async () => undefined,
    resumeStream: async () => stream,
    startOnLoad: true,
    ortConfig: (ort) => {
      // One thread: no SharedArrayBuffer, so no cross-origin isolation headers needed.
      ort.env.wasm.numThreads = 1;
      ort.env.logLevel = "error";
    },
    onFrameProcessed: (probabilities) => {
      // The model's own hysteresis: speech from 0.5 up, silence under 0.35.
      speaking = speaking ? probabilities.isSpeech >= 0.35 : probabilities.isSpeech >= 0.5;
      onDecision(Date.now(), speaking, true);
    },
  }).catch(async (error: unknown) => {
    await closeContext();
    throw error;
  });
  return {
    kind: "vad",
    async stop() {
      await vad.destroy().catch(() => undefined);
      await closeContext();
    },
  };
}
