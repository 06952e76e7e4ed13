import requests

response = requests.delete(
    "https://localhost/api/v1/groups/MyGroup/removeDevices",
    cookies={"PHPSESSID": "<PHPSESSID>"},
    json=["device-01", "device-02"],
)
print(response.status_code, response.text)
