/**
 * Writes a docx document to its file part by part. The `docx` library builds the whole
 * document in memory and, through `Packer`, zips every part (the thumbnails too) into one
 * more buffer in memory before a byte reaches the disk, so each thumbnail was held twice,
 * three times while the zip was joined. Here the library still turns the document into its
 * parts (its XML and media, exactly what `Packer` zips), and fflate, the zip library `docx`
 * itself uses, streams them into the file one at a time: each thumbnail is stored (a JPEG
 * does not deflate) and let go once written, and the XML is deflated a slice at a time.
 *
 * The parts come from `Packer`'s compiler, which `docx` (pinned in package.json) does not
 * declare public; without it this falls back to `Packer.toBuffer`, and a test says so.
 */
import { open, writeFile } from 'node:fs/promises';
import { type File as DocxFile, Packer } from 'docx';
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';

/** The package's parts by path, in zip order: XML as text, media and fonts as bytes. */
type PackageParts = Map<string, string | Uint8Array>;

interface DocxCompiler {
  compile(file: DocxFile, prettify?: string, overrides?: readonly unknown[]): PackageParts;
}

function docxCompiler(): DocxCompiler | null {
  const compiler = (Packer as unknown as { compiler?: Partial<DocxCompiler> }).compiler;
  return typeof compiler?.compile === 'function' ? (compiler as DocxCompiler) : null;
}

/** True when documents are streamed part by part (false: docx changed, Packer builds them). */
export function streamsDocxParts(): boolean {
  return docxCompiler() !== null;
}

/** Characters of XML deflated at a time. */
const SLICE = 1 << 20;

/**
 * Writes the document that `make` builds. Keep no reference to the document or its rows:
 * once its parts are made, only they hold the thumbnails, and each goes as it is written.
 */
export async function writeDocxFile(make: () => DocxFile, file: string): Promise<void> {
  const compiler = docxCompiler();
  if (!compiler) {
    await writeFile(file, await Packer.toBuffer(make()));
    return;
  }
  const parts = compiler.compile(make());
  const handle = await open(file, 'w');
  try {
    let pending: Uint8Array[] = [];
    let failure: Error | null = null;
    const zip = new Zip((error, chunk) => {
      if (error) failure = error;
      else pending.push(chunk);
    });
    const drain = async () => {
      if (failure) throw failure;
      const chunks = pending;
      pending = [];
      for (const chunk of chunks) await handle.write(chunk);
    };
    for (const [path, data] of parts) {
      // Let the part go once it is in the file.
      parts.delete(path);
      if (typeof data === 'string') {
        const entry = new ZipDeflate(path, { level: 6 });
        zip.add(entry);
        if (data.length === 0) entry.push(new Uint8Array(0), true);
        for (let start = 0; start < data.length; ) {
          let end = Math.min(start + SLICE, data.length);
          // Never cut between the two halves of a surrogate pair (an emoji, a rare Han).
          const last = data.charCodeAt(end - 1);
          if (end < data.length && last >= 0xd800 && last <= 0xdbff) end--;
          entry.push(Buffer.from(data.slice(start, end), 'utf8'), end === data.length);
          start = end;
          await drain();
        }
      } else {
        const entry = new ZipPassThrough(path);
        zip.add(entry);
        entry.push(data, true);
      }
      await drain();
    }
    zip.end();
    await drain();
  } finally {
    await handle.close();
  }
}
