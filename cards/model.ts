// The platform-neutral card: built once by the builders, rendered per platform
// (Slack Block Kit, Feishu/Lark card JSON 2.0, HTML for the console).

/** What a button or form submission asks the workflow to do. */
export interface ActionRef {
  /** A workflow action name, e.g. `submission.submit`, `review.approve`. */
  name: string;
  /**
   * Identifies the target and the state the card showed (e.g. submissionId and
   * its version), so a stale press can be told apart. Small: it travels in a
   * button value (Slack: 2000 characters; Lark: a JSON object).
   */
  payload: Record<string, string | number | null>;
}

export interface Confirm {
  title: string;
  text: string;
  ok: string;
  cancel: string;
}

export interface Button {
  label: string;
  action: ActionRef;
  style?: 'primary' | 'danger';
  confirm?: Confirm;
}

export interface SelectOption {
  label: string;
  value: string;
}

export type Input =
  | { type: 'text'; name: string; label: string; required?: boolean; initial?: string; placeholder?: string }
  | { type: 'textarea'; name: string; label: string; required?: boolean; initial?: string; placeholder?: string }
  | { type: 'number'; name: string; label: string; required?: boolean; initial?: number; min?: number; max?: number; placeholder?: string }
  | { type: 'select'; name: string; label: string; required?: boolean; initial?: string; options: SelectOption[] }
  | { type: 'date'; name: string; label: string; required?: boolean; initial?: string }
  /**
   * Files sent with the form's other inputs (the console, a Slack modal). Lark forms
   * cannot carry files: the renderer says to send them in the chat instead.
   */
  | { type: 'file'; name: string; label: string; required?: boolean; accept?: string };

export interface Field {
  label: string;
  value: string;
}

export type Block =
  | { type: 'header'; text: string }
  /** Markdown subset common to all platforms: **bold**, _italic_, `code`, [text](url), lists, line breaks. */
  | { type: 'markdown'; text: string }
  | { type: 'fields'; fields: Field[] }
  | { type: 'image'; url: string; alt: string; title?: string }
  | { type: 'divider' }
  | { type: 'context'; text: string }
  | { type: 'actions'; buttons: Button[] }
  /** A form: inputs submitted together with the submit button's action. */
  | {
      type: 'form';
      /** Unique within the card; letters, digits, `-` and `_` only (platforms build names from it). */
      id: string;
      title?: string;
      inputs: Input[];
      submit: Button;
      /** Further buttons that send the same inputs under another action (e.g. Save draft beside Submit). */
      extraSubmits?: Button[];
    }
  /** Ask the person to upload files (evidence); the upload is sent with the action. */
  | { type: 'file_request'; label: string; action: ActionRef; accept?: string };

export interface Card {
  /** Stable id of what the card shows (e.g. `review:42`), so a platform can update it in place. */
  key: string;
  title: string;
  /** The language of the card's text, for the few words a renderer adds itself (e.g. a modal's Cancel). Default zh. */
  lang?: 'zh' | 'en';
  /** The colour band: neutral, success, warning, danger. */
  tone?: 'neutral' | 'success' | 'warning' | 'danger';
  blocks: Block[];
}
