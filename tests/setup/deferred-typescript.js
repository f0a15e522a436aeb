module.exports = require("./deferred-sdk-dependency")("typescript");
