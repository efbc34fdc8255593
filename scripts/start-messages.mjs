// The start script of taskpane.html (webpack.config.js writes it into the build): it asks at once for the
// pane's messages of the likely language, the browser's (Office's display language usually is the
// system's), by adding a `<link rel="preload">` for that language's chunk only. The choice is
// src/ui/shell/languageFor.ts's: a language tag starting with "it" is Italian, anything else English.

/** The script's text for the messages' files of each language, as URLs the entry fetches them by. */
export function startMessagesScript(files) {
  return (
    `(function(){var f=(navigator.language||"").toLowerCase().indexOf("it")===0?` +
    `${JSON.stringify(files.it)}:${JSON.stringify(files.en)};` +
    `var k=document.createElement("link");k.rel="preload";k.setAttribute("as","script");k.href=f;document.head.appendChild(k)})();\n`
  );
}
