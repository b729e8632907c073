-- Sets lock_timeout for this session and returns the value it had, to set it back with this again.
-- (No apostrophe in these comments: Qt would take the placeholder below for part of a string.)
SELECT previous.setting, set_config('lock_timeout', ?, false)
  FROM (SELECT current_setting('lock_timeout') AS setting OFFSET 0) previous
