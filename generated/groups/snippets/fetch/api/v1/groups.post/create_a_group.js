const response = await fetch("https://localhost/api/v1/groups", {
  method: "POST",
  headers: {
    Cookie: "PHPSESSID=<PHPSESSID>",
    "Content-Type": "application/json",
  },
  body: JSON.stringify({
    displayName: "Lobby",
    description: "Kiosks by the entrance",
    devices: ["device-01", "device-02"],
  }),
});
console.log(response.status, await response.text());
