const response = await fetch("https://localhost/api/v1/groups/MyGroup/addDevices", {
  method: "POST",
  headers: {
    Cookie: "PHPSESSID=<PHPSESSID>",
    "Content-Type": "application/json",
  },
  body: JSON.stringify(["device-04", "device-05"]),
});
console.log(response.status, await response.text());
