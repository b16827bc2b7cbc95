-- The suite's wrk workloads, one per run: wrk -s wrk.lua URL -- WORKLOAD [CARTS_CSV THREADS]
--   ping             GET /bench/ping
--   product-lookup   GET /api/products/{sku}, a random SKU of the demo catalog per request
--   cart-write       a durable change of a prepared cart's line: increase, then decrease, in turn
--   jdbc-cart-write  the same against the JDBC baseline
-- Requests are formatted once, in init, so that wrk spends its CPU on sending them.
-- Every answer other than 200 is counted, and done() prints the count for the suite to read.

local threads = {}

function setup(thread)
  thread:set("index", #threads)
  table.insert(threads, thread)
end

-- The same SKUs as the Gatling lookups: 200 of each of these categories.
local PREFIXES = {"ELEC", "BOOK", "KITC", "CLTH", "TOYS", "SPRT", "GRDN", "BEAU", "GROC", "HOME"}

local requests = {}
local next_request
unexpected = 0

local function lookups()
  for _, prefix in ipairs(PREFIXES) do
    for n = 1, 200 do
      table.insert(requests, wrk.format("GET", string.format("/api/products/%s-%06d", prefix, n)))
    end
  end
  math.randomseed(os.time() + index)
  return function()
    return requests[math.random(#requests)]
  end
end

-- Thread i of n takes every n-th prepared cart, so that, as with Gatling's feeder, two connections
-- rarely edit one cart at once. A cart's line goes up and down by one in turn: it stays near the
-- quantity it was prepared with, never reaching zero or the per-line maximum.
local function cartWrites(path, feed, threadCount)
  local headers = {["Content-Type"] = "application/json"}
  local row = 0
  for line in io.lines(feed) do
    local cart, sku = line:match("^([0-9a-f-]+),(.+)$")
    if cart and row % threadCount == index then
      local item = string.format("%s/%s/items/%s/", path, cart, sku)
      table.insert(requests, wrk.format("POST", item .. "increase", headers))
      table.insert(requests, wrk.format("POST", item .. "decrease", headers))
    end
    if cart then
      row = row + 1
    end
  end
  local carts = #requests / 2
  local position = 0
  local up = {}
  return function()
    position = position % carts + 1
    up[position] = not up[position]
    return requests[up[position] and 2 * position - 1 or 2 * position]
  end
end

function init(args)
  local workload = args[1]
  if workload == "ping" then
    local ping = wrk.format("GET", "/bench/ping")
    next_request = function() return ping end
  elseif workload == "product-lookup" then
    next_request = lookups()
  elseif workload == "cart-write" then
    next_request = cartWrites("/api/carts", args[2], tonumber(args[3]))
  elseif workload == "jdbc-cart-write" then
    next_request = cartWrites("/bench/jdbc-carts", args[2], tonumber(args[3]))
  else
    error("unknown workload " .. tostring(workload))
  end
end

function request()
  return next_request()
end

function response(status, headers, body)
  if status ~= 200 then
    unexpected = unexpected + 1
  end
end

function done()
  local total = 0
  for _, thread in ipairs(threads) do
    total = total + thread:get("unexpected")
  end
  io.write(string.format("Answers other than 200: %d\n", total))
end
