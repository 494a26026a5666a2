import { CombinedGraphQLErrors } from "@apollo/client";
import {
  computed,
  type MaybeRefOrGetter,
  onScopeDispose,
  ref,
  shallowRef,
  toValue,
  watch,
} from "vue";
import { useGraphQL } from "../../graphql/client";
import {
  openMicrophone,
  type RunningDetector,
  startEnergyDetector,
  startVadDetector,
  stopMicrophone,
} from "./microphone";
import { SUBMIT_TALK } from "./operations";
import { type SendOutcome, type TalkReport, TalkReporter } from "./reporter";
import { SpeechSegmenter } from "./segmenter";

/** Whether this device measures: chosen per device, off until the user turns it on. */
const ENABLED_KEY = "driehoek.talk.enabled";
/** Which detector to prefer ("vad" by default, "energy" for the lighter one). */
const DETECTOR_KEY = "driehoek.talk.detector";

export type MeterState = "off" | "starting" | "calibrating" | "on" | "error";
export type TapRole = "student" | "praktijkopleider" | "bpv_begeleider";

/**
 * The meter on this device: opt in, open the microphone, run the speech model (or the energy
 * detector where the model cannot run), turn decisions into intervals and send them in batches.
 * Turning it off — or leaving the page, or the conversation ending — stops the microphone's
 * tracks at once. Tap mode sends the begeleider's taps the same way.
 */
export function useTalkMeter(
  conversationId: MaybeRefOrGetter<string>,
  isLive: MaybeRefOrGetter<boolean>,
) {
  const { client } = useGraphQL();
  const enabled = ref(globalThis.localStorage?.getItem(ENABLED_KEY) === "on");
  const state = ref<MeterState>("off");
  const detectorKind = ref<"vad" | "energy" | null>(null);
  const error = ref<string | null>(null);
  const isSpeaking = ref(false);
  const tapping = ref<TapRole | null>(null);
  let tapStart = 0;

  let stream: MediaStream | null = null;
  const detector = shallowRef<RunningDetector | null>(null);
  let segmenter = new SpeechSegmenter();
  let generation = 0;

  const send = async (batch: TalkReport[]): Promise<SendOutcome> => {
    try {
      await client.mutate({
        mutation: SUBMIT_TALK,
        variables: {
          conversationId: toValue(conversationId),
          intervals: batch.map((s) => ({
            startedAt: new Date(s.start).toISOString(),
            endedAt: new Date(s.end).toISOString(),
            source: s.source,
            role: s.role ?? null,
          })),
        },
      });
      error.value = null;
      return "sent";
    } catch (e) {
      error.value = e instanceof Error ? e.message : String(e);
      return CombinedGraphQLErrors.is(e) ? "refused" : "retry";
    }
  };
  const reporter = new TalkReporter(send);

  async function start(): Promise<void> {
    const mine = ++generation;
    state.value = "starting";
    error.value = null;
    try {
      stream = await openMicrophone();
    } catch (e) {
      state.value = "error";
      error.value = e instanceof Error ? e.message : String(e);
      return;
    }
    if (mine !== generation) return stopMicrophone(stream);
    segmenter = new SpeechSegmenter();
    const source = () => (detector.value?.kind === "vad" ? "VAD" : "ENERGY");
    const onDecision = (t: number, speech: boolean, calibrated: boolean) => {
      if (mine !== generation) return;
      if (!calibrated) return;
      if (state.value === "calibrating") state.value = "on";
      const spans = segmenter.push(t, speech);
      isSpeaking.value = segmenter.isSpeaking;
      if (spans.length > 0) reporter.add(spans.map((s) => ({ ...s, source: source() })));
    };
    const prefersEnergy = globalThis.localStorage?.getItem(DETECTOR_KEY) === "energy";
    let running: RunningDetector | null = null;
    if (!prefersEnergy) {
      running = await startVadDetector(stream, onDecision).catch(() => null);
    }
    running ??= await startEnergyDetector(stream, onDecision).catch((e) => {
      error.value = e instanceof Error ? e.message : String(e);
      return null;
    });
    if (mine !== generation) {
      await running?.stop();
      return;
    }
    if (!running) {
      state.value = "error";
      stopMicrophone(stream);
      return;
    }
    detector.value = running;
    detectorKind.value = running.kind;
    state.value = running.kind === "energy" ? "calibrating" : "on";
    reporter.start();
  }

  /** Stops listening: tracks first (the microphone is released at once), then the rest. */
  async function stop(): Promise<void> {
    generation++;
    stopMicrophone(stream);
    stream = null;
    const running = detector.value;
    detector.value = null;
    detectorKind.value = null;
    isSpeaking.value = false;
    const last = segmenter.flush(Date.now());
    const source = running?.kind === "vad" ? "VAD" : "ENERGY";
    if (last.length > 0) reporter.add(last.map((s) => ({ ...s, source })));
    state.value = "off";
    await running?.stop();
    await reporter.flush();
  }

  function setEnabled(on: boolean): void {
    enabled.value = on;
    globalThis.localStorage?.setItem(ENABLED_KEY, on ? "on" : "off");
  }

  // Listen only while opted in and the conversation runs.
  watch(
    () => enabled.value && toValue(isLive),
    (listen) => {
      if (listen && state.value === "off") void start();
      if (!listen && state.value !== "off") void stop();
    },
    { immediate: true },
  );

  /** Tap mode: `role` starts talking (ending whoever talked); tapping them again is silence. */
  function tap(role: TapRole | null): void {
    const now = Date.now();
    if (tapping.value && now - tapStart >= 250) {
      reporter.add([{ start: tapStart, end: now, source: "TAP", role: tapping.value }]);
    }
    tapping.value = role === tapping.value ? null : role;
    tapStart = now;
    if (tapping.value) reporter.start();
    void reporter.flush();
  }
  // A long tap turn is cut every 10 s, so the meter moves while someone keeps talking.
  const tapTimer = setInterval(() => {
    if (tapping.value && Date.now() - tapStart >= 10_000) {
      const role = tapping.value;
      tap(role);
      tap(role);
    }
  }, 1000);
  watch(
    () => toValue(isLive),
    (live) => {
      if (!live && tapping.value) tap(null);
    },
  );

  onScopeDispose(() => {
    clearInterval(tapTimer);
    if (tapping.value) tap(null);
    void stop().finally(() => reporter.stop());
  });

  return {
    enabled: computed(() => enabled.value),
    state,
    detectorKind,
    error,
    isSpeaking,
    tapping,
    turnOn: () => setEnabled(true),
    turnOff: () => setEnabled(false),
    tap,
  };
}
