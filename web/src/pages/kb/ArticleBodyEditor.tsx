import '@mantine/tiptap/styles.css';
import { FileButton, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { RichTextEditor, type RichTextEditorProps } from '@mantine/tiptap';
import { IconPhoto } from '@tabler/icons-react';
import Image from '@tiptap/extension-image';
import { useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { uploadKbFile } from '../../api/kb.ts';

interface Props {
  articleId: number | null;
  value: string;
  onChange: (html: string) => void;
  label: string;
}

/** The article text editor (Tiptap): headings, lists, links, code, quotes and uploaded images. */
export function ArticleBodyEditor({ articleId, value, onChange, label }: Props) {
  const { t } = useTranslation();
  const editor = useEditor({
    extensions: [StarterKit.configure({ link: { openOnClick: false } }), Image],
    content: value,
    onUpdate: ({ editor: e }) => onChange(e.getHTML()),
    editorProps: { attributes: { 'aria-label': label, 'data-testid': 'kb-body-editor' } },
  });
  // Switching language tabs or restoring a version replaces the content from outside.
  useEffect(() => {
    if (editor && editor.getHTML() !== value) editor.commands.setContent(value, { emitUpdate: false });
  }, [editor, value]);

  const insertImage = async (file: File | null) => {
    if (!file || !editor || articleId === null) return;
    try {
      const uploaded = await uploadKbFile(articleId, file);
      editor.chain().focus().setImage({ src: uploaded.url, alt: uploaded.filename }).run();
    } catch (error) {
      notifications.show({ color: 'red', message: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    // @mantine/tiptap's declarations resolve Tiptap's CommonJS typings and ours the ES module ones:
    // the same class at runtime, two types to the compiler.
    <RichTextEditor editor={editor as unknown as RichTextEditorProps['editor']} mih={320}>
      <RichTextEditor.Toolbar sticky stickyOffset={60}>
        <RichTextEditor.ControlsGroup>
          <RichTextEditor.Bold />
          <RichTextEditor.Italic />
          <RichTextEditor.Underline />
          <RichTextEditor.Strikethrough />
          <RichTextEditor.Code />
        </RichTextEditor.ControlsGroup>
        <RichTextEditor.ControlsGroup>
          <RichTextEditor.H2 />
          <RichTextEditor.H3 />
          <RichTextEditor.Blockquote />
          <RichTextEditor.BulletList />
          <RichTextEditor.OrderedList />
        </RichTextEditor.ControlsGroup>
        <RichTextEditor.ControlsGroup>
          <RichTextEditor.Link />
          <RichTextEditor.Unlink />
          <FileButton onChange={(file) => void insertImage(file)} accept="image/png,image/jpeg,image/gif,image/webp">
            {(props) => (
              <Tooltip label={articleId === null ? t('kb.editor.saveFirst') : t('kb.editor.image')}>
                <RichTextEditor.Control
                  {...props}
                  disabled={articleId === null}
                  aria-label={t('kb.editor.image')}
                  title={t('kb.editor.image')}
                >
                  <IconPhoto size={16} stroke={1.5} />
                </RichTextEditor.Control>
              </Tooltip>
            )}
          </FileButton>
        </RichTextEditor.ControlsGroup>
        <RichTextEditor.ControlsGroup>
          <RichTextEditor.Undo />
          <RichTextEditor.Redo />
        </RichTextEditor.ControlsGroup>
      </RichTextEditor.Toolbar>
      <RichTextEditor.Content />
    </RichTextEditor>
  );
}
