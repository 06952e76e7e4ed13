<?php

$curl = curl_init();
curl_setopt_array($curl, [
    CURLOPT_URL => "https://localhost/api/v1/groups",
    CURLOPT_CUSTOMREQUEST => "POST",
    CURLOPT_HTTPHEADER => [
        "Cookie: PHPSESSID=<PHPSESSID>",
        "Content-Type: application/json",
    ],
    CURLOPT_POSTFIELDS => json_encode([
        "displayName" => "Empty",
        "devices" => [],
    ]),
    CURLOPT_RETURNTRANSFER => true,
]);
$response = curl_exec($curl);
curl_close($curl);

echo $response;
