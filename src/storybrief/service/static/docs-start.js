// Starts Swagger UI on the page's schema; a file of its own, not an inline script, so the
// docs page needs no 'unsafe-inline' for scripts in its Content-Security-Policy.
window.addEventListener("DOMContentLoaded", function () {
  var root = document.getElementById("swagger-ui");
  window.ui = SwaggerUIBundle({
    url: root.getAttribute("data-openapi"),
    dom_id: "#swagger-ui",
    deepLinking: true,
  });
});
