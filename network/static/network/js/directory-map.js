/* Directory map (progressive enhancement): draws the structures of the GeoJSON endpoint with
   Leaflet. The page lists the same structures without JavaScript. */
(function () {
  "use strict";
  var element = document.querySelector("[data-directory-map]");
  if (!element || !window.L) { return; }
  element.hidden = false;
  var map = L.map(element, { scrollWheelZoom: false, zoomControl: false }).setView([50.45, 4.7], 8);
  L.control.zoom({ zoomInTitle: element.dataset.zoomIn, zoomOutTitle: element.dataset.zoomOut }).addTo(map);
  map.attributionControl.setPrefix('<a href="https://leafletjs.com/">Leaflet</a>');
  if (element.dataset.tileUrl) {
    L.tileLayer(element.dataset.tileUrl, { attribution: element.dataset.attribution, maxZoom: 18 }).addTo(map);
  }
  function popup(properties) {
    var box = document.createElement("div");
    var link = document.createElement("a");
    link.href = properties.url;
    link.textContent = properties.title;
    var meta = document.createElement("p");
    meta.textContent = [properties.type, properties.municipality].filter(Boolean).join(" · ");
    box.appendChild(link);
    box.appendChild(meta);
    return box;
  }
  fetch(element.dataset.geojsonUrl, { headers: { Accept: "application/geo+json" } })
    .then(function (response) { return response.json(); })
    .then(function (data) {
      var layer = L.geoJSON(data, {
        pointToLayer: function (feature, latlng) {
          return L.marker(latlng, { title: feature.properties.title, alt: feature.properties.title });
        },
        onEachFeature: function (feature, marker) { marker.bindPopup(popup(feature.properties)); }
      }).addTo(map);
      var count = layer.getLayers().length;
      if (count) { map.fitBounds(layer.getBounds(), { padding: [24, 24], maxZoom: 12 }); }
      element.setAttribute("data-markers", String(count));
    })
    .catch(function () {
      element.hidden = true;
    });
})();
