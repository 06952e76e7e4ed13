require "json"
require "net/http"

uri = URI("https://localhost/api/v1/groups")
request = Net::HTTP::Post.new(uri)
request["Cookie"] = "PHPSESSID=<PHPSESSID>"
request["Content-Type"] = "application/json"
request.body = JSON.generate({
  "displayName" => "Lobby",
  "description" => "Kiosks by the entrance",
  "devices" => ["device-01", "device-02"]
})

http = Net::HTTP.new(uri.host, uri.port)
http.use_ssl = uri.scheme == "https"
response = http.request(request)
puts response.code, response.body
