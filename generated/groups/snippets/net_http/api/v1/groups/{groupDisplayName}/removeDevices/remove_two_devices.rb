require "json"
require "net/http"

uri = URI("https://localhost/api/v1/groups/MyGroup/removeDevices")
request = Net::HTTP::Delete.new(uri)
request["Cookie"] = "PHPSESSID=<PHPSESSID>"
request["Content-Type"] = "application/json"
request.body = JSON.generate(["device-01", "device-02"])

http = Net::HTTP.new(uri.host, uri.port)
http.use_ssl = uri.scheme == "https"
response = http.request(request)
puts response.code, response.body
