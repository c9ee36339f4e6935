-- The name a post's image is stored under (gateway-media's MediaName); NULL for a post without one.
ALTER TABLE posts ADD COLUMN image VARCHAR(64);
