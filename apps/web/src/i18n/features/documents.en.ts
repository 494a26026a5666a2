import type { documentsNl } from "./documents.nl";

/** English texts for documents attached to a conversation, the signed scan and the werkprocessen. */
export const documentsEn: typeof documentsNl = {
  documents: {
    title: "Documents",
    intro:
      "Bring the documents you need: the portfolio or progress overview, evidence cards. All three see them here.",
    empty: "No documents yet.",
    kind: "Kind of document",
    kinds: {
      portfolio: "Portfolio",
      voortgangsoverzicht: "Progress overview",
      bewijskaart: "Evidence card",
      overig: "Other",
      getekend_formulier: "Signed form (scan)",
    },
    file: "File",
    fileHint: "PDF, image (PNG, JPEG, WebP) or Office file (docx, xlsx, pptx, odt), at most 20 MB.",
    add: "Add document",
    uploading: "Uploading… {percent}%",
    uploaded: "{name} was added.",
    uploadedBy: "{name} ({role})",
    download: "Download",
    downloadLabel: "Download {name}",
    remove: "Remove",
    removeLabel: "Remove {name}",
    removed: "{name} was removed.",
    chooseFile: "Choose a file first.",
    locked: "The record is locked: documents can no longer change.",
    errors: {
      too_large: "The file is too large: at most 20 MB.",
      unsupported_type:
        "This file type is not accepted. Use PDF, PNG, JPEG, WebP, docx, xlsx, pptx or odt.",
      type_mismatch:
        "The file's name does not match its content. Save it in the right format and try again.",
      empty: "The file is empty.",
      already_signed: "The record is signed and locked; nothing can be added.",
      not_ended: "Upload the signed form once the conversation has ended.",
      forbidden: "You may not add documents to this conversation.",
      unauthenticated: "Your session has expired; open your link again or log in again.",
      network: "No connection to the server; try again.",
      unknown: "The upload failed; try again.",
    },
    record: {
      title: "Documents",
      werkprocessen: "Work processes at this workplace",
      signedForm: "Signed on paper (scan)",
      downloadScan: "Download scan",
    },
    signedForm: {
      title: "Signed on paper (scan)",
      hint: "Instead of the three digital sign-offs: upload the scan of the paper form all three have signed. This locks the record.",
      onlyBegeleider: "The placement supervisor can upload the scan of the signed paper form.",
      file: "Scan of the signed form",
      fileHint: "PDF or image (PNG, JPEG, WebP), at most 20 MB.",
      button: "Upload scan and lock",
      question: "Lock the record with {name}? Nothing changes after that.",
      confirm: "Yes, lock",
      cancel: "Cancel",
      done: "The record is locked with the scan of the signed form.",
    },
  },
  werkprocessen: {
    title: "Work processes at this workplace",
    intro: "Which core tasks/work processes can you carry out here?",
    empty: "No work processes are recorded for this programme.",
    states: {
      kan_hier: "I can carry it out here",
      nog_niet: "Not yet",
      kan_hier_niet: "Not possible here",
    },
    unmarked: "Not discussed yet",
    saved: "{code}: {state}",
    readOnly: "Only the participants of a planned or ongoing conversation change this.",
  },
};
