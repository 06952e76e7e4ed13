const response = await fetch("https://localhost/api/v1/groups?search=Ware", {
  method: "GET",
  headers: { Cookie: "PHPSESSID=<PHPSESSID>" },
});
console.log(response.status, await response.text());
