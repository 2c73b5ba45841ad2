// The login page sends along the #... of the page that asked for it (a Tasklist task, say), which
// the browser keeps across the redirect but never sends to the server (security/ReturnToPage).
document.addEventListener('DOMContentLoaded', function () {
  var field = document.getElementById('fragment');
  if (field && window.location.hash) {
    field.value = window.location.hash;
  }
});
