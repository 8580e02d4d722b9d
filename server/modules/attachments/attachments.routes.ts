import '@fastify/multipart';
import { Type } from 'typebox';
import type { AppContext } from '../../context.ts';
import type { TypedApp } from '../../http.ts';
import { badRequest } from '../../platform/errors.ts';
import { actorOf, TICKET_READERS } from '../auth/auth.plugin.ts';
import { errorResponses, IdParams } from '../shared.schemas.ts';
import { type AttachmentView, INLINE_TYPES, readAttachment, storeUpload } from './attachments.service.ts';

const AttachmentSchema = Type.Object({
  id: Type.Integer(),
  filename: Type.String(),
  contentType: Type.String(),
  size: Type.Integer(),
});

/** File upload (multipart) and download. */
export async function attachmentsRoutes(app: TypedApp, ctx: AppContext): Promise<void> {
  app.post(
    '/attachments',
    {
      config: { permission: ['ticket.create', 'ticket.reply', 'ticket.note.write'] },
      schema: {
        tags: ['attachments'],
        summary: 'Upload files (multipart field "file"); link them by id to a ticket or message',
        consumes: ['multipart/form-data'],
        response: { 201: Type.Object({ items: Type.Array(AttachmentSchema) }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      if (!request.isMultipart()) throw badRequest('Send the files as multipart/form-data', ['file']);
      const items: AttachmentView[] = [];
      for await (const part of request.files()) {
        const bytes = await part.toBuffer();
        if (part.file.truncated) throw badRequest('File is too large', ['file']);
        items.push(await storeUpload(ctx, actor, { filename: part.filename, mimetype: part.mimetype, bytes }));
      }
      if (items.length === 0) throw badRequest('No file received', ['file']);
      return reply.status(201).send({ items });
    },
  );

  app.get(
    '/attachments/:id',
    {
      config: { permission: TICKET_READERS },
      schema: {
        tags: ['attachments'],
        summary: 'Download a file',
        params: IdParams,
        response: { 200: Type.Unknown({ description: 'The file' }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const file = await readAttachment(ctx, actorOf(request), request.params.id);
      const disposition = INLINE_TYPES.has(file.contentType) ? 'inline' : 'attachment';
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `${disposition}; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .send(file.bytes);
    },
  );
}
