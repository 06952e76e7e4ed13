const response = await fetch("https://localhost/api/v1/groups/MyGroup/removeDevices", {
  method: "DELETE",
  headers: {
    Cookie: "PHPSESSID=<PHPSESSID>",
    "Content-Type": "application/json",
  },
  body: JSON.stringify(["device-xyz"]),
});
console.log(response.status, await response.text());
