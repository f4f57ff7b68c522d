/* global document, Office */
Office.onReady(() => {
  const status = document.getElementById("status");
  if (status) status.textContent = "Ready.";
});
