const response = await fetch("https://localhost/api/v1/groups/Lobby-Old", {
  method: "GET",
  headers: { Cookie: "PHPSESSID=<PHPSESSID>" },
});
console.log(response.status, await response.text());
