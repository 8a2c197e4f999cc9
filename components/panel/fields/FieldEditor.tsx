import { SingleChoiceEditor, MultiChoiceEditor } from './ChoiceEditors';
import { CheckboxEditor } from './CheckboxEditor';
import { DateTimeEditor } from './DateTimeEditor';
import { FileEditor } from './FileEditor';
import { NumberEditor } from './NumberEditor';
import { ParagraphEditor, TextEditor, UrlEditor } from './TextEditors';
import type { FieldEditorProps } from './common';

/** One editor per field type; hidden fields (their `when` does not hold) render nothing. */
export function FieldEditor(props: FieldEditorProps) {
  const { field, visible } = props.view;
  if (!visible) return null;
  switch (field.type) {
    case 'single-choice':
      return <SingleChoiceEditor {...props} field={field} />;
    case 'multi-choice':
      return <MultiChoiceEditor {...props} field={field} />;
    case 'text':
      return <TextEditor {...props} field={field} />;
    case 'paragraph':
      return <ParagraphEditor {...props} field={field} />;
    case 'url':
      return <UrlEditor {...props} field={field} />;
    case 'number':
      return <NumberEditor {...props} field={field} />;
    case 'datetime':
      return <DateTimeEditor {...props} field={field} />;
    case 'checkbox':
      return <CheckboxEditor {...props} field={field} />;
    case 'file':
      return <FileEditor {...props} field={field} />;
  }
}

export type { FieldEditorProps };
