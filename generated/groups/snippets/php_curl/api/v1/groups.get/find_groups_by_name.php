<?php

$curl = curl_init();
curl_setopt_array($curl, [
    CURLOPT_URL => "https://localhost/api/v1/groups?search=Ware",
    CURLOPT_CUSTOMREQUEST => "GET",
    CURLOPT_HTTPHEADER => ["Cookie: PHPSESSID=<PHPSESSID>"],
    CURLOPT_RETURNTRANSFER => true,
]);
$response = curl_exec($curl);
curl_close($curl);

echo $response;
