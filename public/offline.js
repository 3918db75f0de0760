// The offline page's only behaviour: try the page again on request, and by itself once the connection is back
// (and stays back for a moment: a brief flicker of the connection is not worth losing the page for).
document.getElementById("retry")?.addEventListener("click", () => window.location.reload());
window.addEventListener("online", () => {
  setTimeout(() => {
    if (navigator.onLine) window.location.reload();
  }, 1500);
});
