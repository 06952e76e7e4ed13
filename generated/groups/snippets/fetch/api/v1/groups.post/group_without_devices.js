const response = await fetch("https://localhost/api/v1/groups", {
  method: "POST",
  headers: {
    Cookie: "PHPSESSID=<PHPSESSID>",
    "Content-Type": "application/json",
  },
  body: JSON.stringify({ displayName: "Empty", devices: [] }),
});
console.log(response.status, await response.text());
