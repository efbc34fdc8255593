// The ribbon's function file: the buttons only open the task pane, so it just waits for Office.
if (typeof Office !== 'undefined') void Office.onReady();
