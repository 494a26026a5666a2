// Unit tests render in English at once, so the English texts are there from the start (the app
// itself downloads them only when English is chosen).
import { registerLocaleMessages } from "../i18n";
import { en } from "../i18n/en";

registerLocaleMessages("en", en);
