import { flushPromises, mount } from "@vue/test-utils";
import { afterEach, describe, expect, it } from "vitest";
import { GRAPHQL_KEY } from "../../graphql/client";
import { createAppI18n } from "../../i18n";
import { schemaServer } from "../../test/schemaServer";
import DocumentUpload from "./DocumentUpload.vue";
import SignedFormUpload from "./SignedFormUpload.vue";
import { problemOf } from "./upload";

function mountUpload(locale: "nl" | "en" = "nl") {
  return mount(DocumentUpload, {
    props: { conversationId: "c1" },
    attachTo: document.body,
    global: { plugins: [createAppI18n(locale)] },
  });
}

/** Puts `file` in the page's file input, as picking it does. */
async function pick(page: ReturnType<typeof mount>, file: File | null): Promise<void> {
  const input = page.get("input[type=file]");
  Object.defineProperty(input.element, "files", { value: file ? [file] : [], configurable: true });
  await input.trigger("change");
}

const fileOf = (name: string, size: number) => new File([new Uint8Array(size)], name);

describe("uploading a document", () => {
  afterEach(() => {
    document.body.innerHTML = "";
  });

  it("says what is wrong before sending anything: no file, wrong type, empty, too big", async () => {
    const page = mountUpload();
    await page.get("form").trigger("submit");
    expect(page.get("[data-field=upload-error]").text()).toBe("Kies eerst een bestand.");

    await pick(page, fileOf("installatie.exe", 10));
    await page.get("form").trigger("submit");
    expect(page.get("[data-field=upload-error]").text()).toContain(
      "Dit bestandstype wordt niet geaccepteerd",
    );

    await pick(page, fileOf("leeg.pdf", 0));
    await page.get("form").trigger("submit");
    expect(page.get("[data-field=upload-error]").text()).toBe("Het bestand is leeg.");

    await pick(page, fileOf("portfolio.pdf", 20 * 1024 * 1024 + 1));
    await page.get("form").trigger("submit");
    await flushPromises();
    expect(page.get("[data-field=upload-error]").text()).toBe(
      "Het bestand is te groot: hoogstens 20 MB.",
    );
    expect(page.find("[data-field=upload-progress]").exists()).toBe(false);
  });

  it("says it in English too, and clears the message when another file is picked", async () => {
    const page = mountUpload("en");
    await pick(page, fileOf("photo.gif", 10));
    await page.get("form").trigger("submit");
    expect(page.get("[role=alert]").text()).toContain("This file type is not accepted");
    await pick(page, fileOf("photo.png", 10));
    expect(page.find("[role=alert]").exists()).toBe(false);
  });

  it("offers the kinds of document the guide names", () => {
    const page = mountUpload();
    expect(page.findAll("option").map((o) => o.text())).toEqual([
      "Portfolio",
      "Voortgangsoverzicht",
      "Bewijskaart",
      "Overig",
    ]);
  });

  it("reads the server's refusals as the same problems", () => {
    const refusal = (code: string, reason?: string) => [
      { message: "refused", extensions: reason ? { code, reason } : { code } },
    ];
    expect(problemOf(400, refusal("BAD_USER_INPUT", "type_mismatch"))).toBe("type_mismatch");
    expect(problemOf(413, refusal("PAYLOAD_TOO_LARGE", "too_large"))).toBe("too_large");
    expect(problemOf(413, [])).toBe("too_large");
    expect(problemOf(409, refusal("CONFLICT", "already_signed"))).toBe("already_signed");
    expect(problemOf(403, refusal("FORBIDDEN"))).toBe("forbidden");
    expect(problemOf(401, refusal("UNAUTHENTICATED"))).toBe("unauthenticated");
  });
});

describe("the signed form's scan", () => {
  afterEach(() => {
    document.body.innerHTML = "";
  });

  it("accepts only PDF and images, and only from the BPV-begeleider", async () => {
    const page = mount(SignedFormUpload, {
      props: { conversationId: "c1", canUpload: true },
      attachTo: document.body,
      global: {
        plugins: [createAppI18n("nl")],
        provide: { [GRAPHQL_KEY as symbol]: schemaServer({}).graphql },
      },
    });
    await pick(page, fileOf("formulier.docx", 10));
    expect(page.get("[data-field=upload-error]").text()).toContain(
      "Dit bestandstype wordt niet geaccepteerd",
    );
    expect(page.text()).not.toContain("Scan uploaden en vastzetten");
    await pick(page, fileOf("formulier.pdf", 10));
    expect(page.find("[data-field=upload-error]").exists()).toBe(false);
    expect(page.text()).toContain("Scan uploaden en vastzetten");

    await page.setProps({ canUpload: false });
    expect(page.find("input[type=file]").exists()).toBe(false);
    expect(page.text()).toContain("De BPV-begeleider kan de scan");
  });
});
