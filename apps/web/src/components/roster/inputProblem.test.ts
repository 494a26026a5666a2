import { CombinedGraphQLErrors } from "@apollo/client";
import { describe, expect, it } from "vitest";
import { en } from "../../i18n/en";
import { nl } from "../../i18n/nl";
import { INPUT_PROBLEM_CODES, inputProblemText } from "./inputProblem";
import { rosterFailure } from "./rosterError";

describe("the server's reasons for refusing a value or a file", () => {
  it("have a text in Dutch and in English for every code the schema knows", () => {
    for (const messages of [nl, en]) {
      for (const code of Object.keys(INPUT_PROBLEM_CODES)) {
        expect(messages.inputProblem, code).toHaveProperty(code);
      }
      for (const reason of [
        "not_csv",
        "invalid_csv",
        "invalid_csvAt",
        "empty_file",
        "not_a_roster",
        "too_many_rows",
        "file_too_large",
      ]) {
        expect(messages.roster.fileErrors, reason).toHaveProperty(reason);
      }
    }
  });

  it("fill in the values a problem names, and fall back to the server's words for a new code", () => {
    const t = (key: string, named: Record<string, string>) =>
      `${key}(${Object.entries(named)
        .map(([k, v]) => `${k}=${v}`)
        .join(",")})`;
    const problem = {
      code: "too_long" as const,
      params: [{ name: "max", value: "20" }],
      message: "is te lang (hoogstens 20 tekens)",
    };
    expect(inputProblemText(t, () => true, problem)).toBe("inputProblem.too_long(max=20)");
    expect(inputProblemText(t, () => false, problem)).toBe("is te lang (hoogstens 20 tekens)");
  });

  it("name a whole-file refusal by its reason, and an unknown one by the server's words", () => {
    const refused = (extensions: Record<string, unknown>) =>
      new CombinedGraphQLErrors({ errors: [{ message: "Dutch words", extensions }] });
    expect(
      rosterFailure(
        refused({ code: "BAD_USER_INPUT", reason: "invalid_csv", params: { line: 7 } }),
      ),
    ).toEqual({ key: "roster.fileErrors.invalid_csvAt", params: { line: 7 } });
    expect(rosterFailure(refused({ code: "BAD_USER_INPUT", reason: "not_csv" }))).toEqual({
      key: "roster.fileErrors.not_csv",
      params: {},
    });
    expect(rosterFailure(refused({ code: "BAD_USER_INPUT" }))).toEqual({ text: "Dutch words" });
    expect(rosterFailure(refused({ code: "FORBIDDEN" }))).toEqual({
      key: "roster.errors.forbidden",
      params: {},
    });
  });
});
